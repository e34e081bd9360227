using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.UnitTests.Common;

[TestFixture]
public sealed class RequestTimeoutPolicyTests
{
    [Test]
    public void TimeoutFor_Activation_ReturnsConfiguredActivationTimeout()
    {
        // Arrange
        var policy = new RequestTimeoutPolicy(Options.Create(new ChatwootModuleOptions { ActivationTimeout = TimeSpan.FromSeconds(7) }));
        var command = new ActivateChatwootCommand(TestData.AccountCaller, "sales", TestData.Fields(), null);

        // Act
        var timeout = policy.TimeoutFor(command);

        // Assert
        Assert.That(timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void TimeoutFor_Default_IsSixtySeconds()
    {
        // Arrange
        var policy = new RequestTimeoutPolicy(Options.Create(new ChatwootModuleOptions()));

        // Act
        var timeout = policy.TimeoutFor(new ActivateChatwootCommand(TestData.AccountCaller, "sales", TestData.Fields(), null));

        // Assert
        Assert.That(timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void TimeoutFor_OtherRequest_ReturnsNull()
    {
        // Arrange
        var policy = new RequestTimeoutPolicy(Options.Create(new ChatwootModuleOptions()));

        // Act
        var timeout = policy.TimeoutFor(new GetChatwootStatusQuery(TestData.AccountCaller, "sales"));

        // Assert
        Assert.That(timeout, Is.Null);
    }
}
