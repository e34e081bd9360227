using Npgsql;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Bench.Routing;

/// <summary>Active integrations made by SQL, not HTTP: each with its instance (of the bench's account) and a copy of
/// the bench integration's first chats and conversations. Each token is encrypted for its own row with the API's
/// key, as an activation does, so every seeded integration can deliver.</summary>
internal static class ScaleSeed
{
    public const int ChatsPerIntegration = 10;

    public static string Instance(int n) => $"scale-{n}";

    public static string Token(int n) => $"scale-token-{n}";

    private const string Sql = """
        INSERT INTO instances (id, account_id, name, token_hash, created_at)
        SELECT gen_random_uuid(), b.account_id, 'scale-' || u.n, sha256(convert_to('scale-token-' || u.n, 'UTF8')), now()
        FROM instances b, unnest(@Ns) AS u(n) WHERE b.name = 'bench';

        INSERT INTO chatwoot_integrations
        SELECT (jsonb_populate_record(i, jsonb_build_object(
            'id', u.id, 'instance_id', s.id, 'created_at', now(), 'updated_at', now(),
            'api_token_ciphertext', '\x' || encode(u.token, 'hex'),
            'inbox_secret_ciphertext', CASE WHEN i.inbox_secret_ciphertext IS NULL THEN NULL ELSE '\x' || encode(u.secret, 'hex') END,
            'webhook_secret_hash', '\x' || encode(sha256(convert_to(u.id, 'UTF8')), 'hex')))).*
        FROM chatwoot_integrations i
        CROSS JOIN unnest(@Ns, @Ids, @Tokens, @Secrets) AS u(n, id, token, secret)
        JOIN instances s ON s.name = 'scale-' || u.n
        WHERE i.id = @Source;

        CREATE TEMP TABLE seed_chats ON COMMIT DROP AS
        SELECT * FROM chatwoot_chats WHERE integration_id = @Source AND chat_jid LIKE '55119%' ORDER BY chat_jid LIMIT @PerIntegration;

        INSERT INTO chatwoot_chats
        SELECT (jsonb_populate_record(c, jsonb_build_object('integration_id', u.id))).*
        FROM seed_chats c CROSS JOIN unnest(@Ids) AS u(id);

        INSERT INTO chatwoot_conversations
        SELECT (jsonb_populate_record(v, jsonb_build_object('integration_id', u.id))).*
        FROM chatwoot_conversations v JOIN seed_chats c USING (chat_jid) CROSS JOIN unnest(@Ids) AS u(id)
        WHERE v.integration_id = @Source;
        """;

    /// <summary>Seeds integrations <paramref name="from"/> to <paramref name="to"/> (exclusive), numbered from 1.</summary>
    public static async Task SeedAsync(BenchHost host, int from, int to)
    {
        await using var db = new NpgsqlConnection(host.ConnectionString);
        await db.OpenAsync();
        string source;
        await using (var find = new NpgsqlCommand(
            "SELECT i.id FROM chatwoot_integrations i JOIN instances s ON s.id = i.instance_id WHERE s.name = 'bench'", db))
        {
            source = (string)(await find.ExecuteScalarAsync())!;
        }

        var protector = new AesGcmTokenProtector(EncryptionKeyRing.Parse(Convert.ToBase64String(BenchHost.EncryptionKey), []));
        var ns = Enumerable.Range(from, to - from).ToArray();
        var ids = ns.Select(n => $"int_scale{n:D7}").ToArray();
        var inboxSecret = host.Inbox.Secret;
        await using var tx = await db.BeginTransactionAsync();
        await using (var seed = new NpgsqlCommand(Sql, db, tx))
        {
            seed.Parameters.AddWithValue("Ns", ns);
            seed.Parameters.AddWithValue("Ids", ids);
            seed.Parameters.AddWithValue("Tokens", ids.Select(id => protector.Protect(BenchHost.ChatwootToken, id).Ciphertext).ToArray());
            seed.Parameters.AddWithValue("Secrets", ids.Select(id => protector.Protect(inboxSecret, id + "/inbox-secret").Ciphertext).ToArray());
            seed.Parameters.AddWithValue("Source", source);
            seed.Parameters.AddWithValue("PerIntegration", ChatsPerIntegration);
            seed.CommandTimeout = 600;
            await seed.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", db) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }
}
