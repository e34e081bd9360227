using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>Shared values: one account, one of its instances, and a valid activation.</summary>
public static class TestData
{
    public const string BaseUrl = "https://chatwoot.example.com";
    public const long ChatwootAccountId = 5;
    public const string ApiToken = "cw-api-token-123";
    public const long InboxId = 42;
    public const string IntegrationId = "int_abcdefghij012345";

    public static readonly Guid AccountId = Guid.Parse("0195a0b0-0000-7000-8000-000000000001");
    public static readonly Guid OtherAccountId = Guid.Parse("0195a0b0-0000-7000-8000-000000000002");
    public static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static readonly InstanceRecord Instance = new(
        Guid.Parse("0195a0b0-0000-7000-8000-0000000000aa"), AccountId, "sales", Now.AddDays(-1));

    public static Caller AccountCaller { get; } = new(AccountId, null, null);

    public static ChatwootSettings Settings { get; } = new(SignMessages: true, IgnoreGroups: false, StartAsPending: true, ReopenResolved: false);

    public static ChatwootActivationFields Fields(string? inboxName = null) =>
        new(BaseUrl + "/", ChatwootAccountId, ApiToken, inboxName, Settings);

    public static ChatwootConnection Connection { get; } = new(BaseUrl, ChatwootAccountId, ApiToken);

    public static ProtectedSecret StoredToken { get; } = new("k-old", [1, 2, 3]);

    public static ChatwootIntegration Integration(IntegrationStatus status = IntegrationStatus.Active, string lastError = "") =>
        new(IntegrationId, Instance.Id, BaseUrl, ChatwootAccountId, InboxId, "RyzeAPI", Settings, status, lastError, Now.AddHours(-2));
}
