using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The message links seen from the Chatwoot side: which WhatsApp messages one Chatwoot message is (an agent
/// message with several attachments went out as several).</summary>
public interface IMessageLinks
{
    /// <summary>The links of <paramref name="chatwootMessageId"/>, oldest first; empty when it has none.</summary>
    Task<IReadOnlyList<MessageLink>> OfChatwootMessageAsync(string integrationId, long chatwootMessageId, CancellationToken cancellationToken);
}
