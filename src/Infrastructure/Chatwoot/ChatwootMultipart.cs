using System.Net.Http.Headers;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>A message with attachments as Chatwoot takes it: multipart/form-data of strings and byte arrays,
/// whose lengths are known, so the request carries a Content-Length.</summary>
internal static class ChatwootMultipart
{
    public static MultipartFormDataContent Of(ChatwootNewMessage message)
    {
        var form = new MultipartFormDataContent();
        if (!string.IsNullOrEmpty(message.Content))
        {
            form.Add(new StringContent(message.Content), "content");
        }

        form.Add(new StringContent(message.MessageType), "message_type");
        form.Add(new StringContent(message.Private ? "true" : "false"), "private");
        if (message.SourceId is not null)
        {
            form.Add(new StringContent(message.SourceId), "source_id");
        }

        if (message.ReplyTo is { } replyTo)
        {
            // Rails reads bracketed form fields as the nested hash a JSON body would give.
            form.Add(new StringContent(replyTo.ExternalId), "content_attributes[in_reply_to_external_id]");
            if (replyTo.MessageId is { } id)
            {
                form.Add(new StringContent(id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "content_attributes[in_reply_to]");
            }
        }

        foreach (var file in message.Attachments)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            // MultipartFormDataContent refuses a blank file name (an engine's media URL ending in "/" gives one).
            form.Add(part, "attachments[]", string.IsNullOrWhiteSpace(file.FileName) ? "file" : file.FileName);
        }

        return form;
    }
}
