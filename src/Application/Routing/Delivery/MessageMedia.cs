using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>The file of a WhatsApp message's media: its bytes stored beside the outbox row (inline base64 the engine
/// sent, decoded at ingress), else downloaded from its URL.</summary>
public sealed class MessageMedia(IOutboxStore outbox, IMediaFetcher mediaFetcher)
{
    public async Task<MediaFile> FileAsync(long outboxItemId, WhatsAppMedia media, CancellationToken cancellationToken)
    {
        var fileName = media.FileName ?? MediaNames.DefaultFileName(media.Type, media.MimeType ?? MediaKinds.DefaultMimeType(media.Type));
        var contentType = media.MimeType ?? MediaKinds.DefaultMimeType(media.Type) ?? "application/octet-stream";
        if (media.StoredApart)
        {
            return await outbox.ReadMediaAsync(outboxItemId, cancellationToken) is { } stored
                ? new MediaFile(stored, fileName, contentType)
                : throw new MediaUnavailableException("its stored copy is gone");
        }

        // Rows recorded before ingress set the bytes apart still carry the base64.
        if (media.Base64 is { Length: > 0 } base64 && InlineMedia.TryDecode(base64) is { } decoded)
        {
            return new MediaFile(decoded, fileName, contentType);
        }

        if (media.Url is null && (media.Base64Invalid || media.Base64 is { Length: > 0 }))
        {
            throw new MediaUnavailableException("the engine's base64 is not valid");
        }

        var fetched = await mediaFetcher.FetchAsync(media.Url!, fileName, media.MimeType, cancellationToken);
        return MediaKinds.IsUntyped(fetched.ContentType) && MediaKinds.DefaultMimeType(media.Type) is { } typed ? fetched with { ContentType = typed } : fetched;
    }
}
