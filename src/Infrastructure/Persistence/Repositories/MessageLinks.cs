using Dapper;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class MessageLinks(NpgsqlDataSource dataSource) : IMessageLinks
{
    // Through message_links_chatwoot_idx (integration_id, chatwoot_message_id).
    private const string OfChatwootMessageSql = """
        SELECT integration_id AS IntegrationId, whatsapp_id AS WhatsAppId, chatwoot_message_id AS ChatwootMessageId,
               chatwoot_conversation_id AS ChatwootConversationId, direction AS Direction
        FROM message_links WHERE integration_id = @IntegrationId AND chatwoot_message_id = @ChatwootMessageId
        ORDER BY created_at, whatsapp_id
        """;

    public Task<IReadOnlyList<MessageLink>> OfChatwootMessageAsync(string integrationId, long chatwootMessageId, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(
                OfChatwootMessageSql, new { IntegrationId = integrationId, ChatwootMessageId = chatwootMessageId }, cancellationToken: cancellationToken));
            return (IReadOnlyList<MessageLink>)[.. rows.Select(r => new MessageLink(
                r.IntegrationId, r.WhatsAppId, r.ChatwootMessageId, r.ChatwootConversationId, MessageDirectionNames.Parse(r.Direction)))];
        });

    private sealed record LinkRow(string IntegrationId, string WhatsAppId, long ChatwootMessageId, long ChatwootConversationId, string Direction);
}
