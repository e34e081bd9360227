using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>The outbox's write commands with typed parameters (no reflection on the per-message path). Text loses
/// any NUL, which PostgreSQL refuses (docs/adr/0014-hostile-text.md).</summary>
internal static class OutboxCommands
{
    public static NpgsqlBatchCommand Enqueue(NewOutboxItem item)
    {
        var command = new NpgsqlBatchCommand(item.Media is null ? OutboxSql.Enqueue : OutboxSql.EnqueueWithMedia);
        AddItem(command.Parameters, item);
        if (item.Media is { } media)
        {
            command.Parameters.Add(new NpgsqlParameter<byte[]>("Media", media));
        }

        return command;
    }

    public static NpgsqlBatchCommand EnqueueKnownReply(NewOutboxItem item, KnownReply expected)
    {
        var command = new NpgsqlBatchCommand(OutboxSql.EnqueueKnownReply);
        var parameters = command.Parameters;
        AddItem(parameters, item);
        parameters.Add(new NpgsqlParameter<long>("ConversationId", expected.ConversationId));
        parameters.Add(Text("ChatJid", expected.ChatJid));
        parameters.Add(new NpgsqlParameter<long>("ChatwootMessageId", expected.ChatwootMessageId));
        parameters.Add(new NpgsqlParameter<byte[]>("WebhookSecretHash", expected.Credentials.WebhookSecretHash));
        parameters.Add(new NpgsqlParameter("InboxSecretKeyId", (object?)expected.Credentials.InboxSecret?.KeyId ?? DBNull.Value));
        parameters.Add(new NpgsqlParameter("InboxSecretCiphertext", (object?)expected.Credentials.InboxSecret?.Ciphertext ?? DBNull.Value));
        return command;
    }

    public static NpgsqlBatchCommand Complete(long id) => ById(OutboxSql.Complete, id);

    public static NpgsqlBatchCommand Fail(long id, string error, bool mayHaveArrived)
    {
        var command = ById(OutboxSql.Fail, id);
        command.Parameters.Add(Text("Error", error));
        command.Parameters.Add(new NpgsqlParameter<bool>("MayHaveArrived", mayHaveArrived));
        return command;
    }

    public static NpgsqlBatchCommand Link(MessageLink link)
    {
        var command = new NpgsqlBatchCommand(OutboxSql.Link);
        command.Parameters.Add(Text("IntegrationId", link.IntegrationId));
        command.Parameters.Add(Text("WhatsAppId", link.WhatsAppId));
        command.Parameters.Add(new NpgsqlParameter<long>("ChatwootMessageId", link.ChatwootMessageId));
        command.Parameters.Add(new NpgsqlParameter<long>("ChatwootConversationId", link.ChatwootConversationId));
        command.Parameters.Add(Text("Direction", link.Direction.ToName()));
        return command;
    }

    /// <summary>The name of a lane's insert lock, as <c>hashtext</c> turns it into the lock key: the same text the
    /// insert statements build from their parameters.</summary>
    public static string LaneLock(NewOutboxItem item) =>
        PostgresText.WithoutNul(item.IntegrationId) + " " + item.Lane.Kind.ToName() + ":" + PostgresText.WithoutNul(item.Lane.Key);

    public static NpgsqlParameter<string> Text(string name, string value) => new(name, PostgresText.WithoutNul(value));

    private static NpgsqlBatchCommand ById(string sql, long id)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<long>("Id", id));
        return command;
    }

    private static void AddItem(NpgsqlParameterCollection parameters, NewOutboxItem item)
    {
        parameters.Add(Text("IntegrationId", item.IntegrationId));
        parameters.Add(Text("Kind", item.Kind));
        parameters.Add(Text("LaneKind", item.Lane.Kind.ToName()));
        parameters.Add(Text("LaneKey", item.Lane.Key));
        parameters.Add(new NpgsqlParameter("DedupeKey", item.DedupeKey is null ? DBNull.Value : PostgresText.WithoutNul(item.DedupeKey)));
        parameters.Add(new NpgsqlParameter<string>("Payload", PostgresText.JsonWithoutNul(item.Payload)));
        parameters.Add(new NpgsqlParameter("TraceParent", (object?)item.TraceParent ?? DBNull.Value));
    }
}
