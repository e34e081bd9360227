using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>One live API and one fake Chatwoot (account 5 with an administrator token) per fixture,
/// over a database emptied at the fixture's start. Tests use instance names of their own.</summary>
public abstract class LiveApiFixture
{
    protected const long ChatwootAccountId = 5;
    protected const string ChatwootAdminToken = "cw-admin-token-5Xq9v2LmN8";

    protected LiveApi Api { get; private set; } = null!;

    protected FakeChatwoot Chatwoot { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        await ContractSetup.Database.ResetAsync();
        Chatwoot = await FakeChatwoot.StartAsync();
        Chatwoot.AddAccount(ChatwootAccountId, ChatwootAdminToken);
        Api = LiveApi.Start(ContractSetup.Database.ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Chatwoot is not null)
        {
            await Chatwoot.DisposeAsync();
        }
    }
}
