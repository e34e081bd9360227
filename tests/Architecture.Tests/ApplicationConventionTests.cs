using ArchUnitNET.NUnit;
using NUnit.Framework;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Common.Behaviours;
using RyzeApi.Application.Instances.Commands.CreateInstance;
using RyzeApi.Application.Instances.Commands.DeleteInstance;
using RyzeApi.Application.Instances.Queries.ListInstances;
using RyzeApi.Architecture.Tests.Support;

namespace RyzeApi.Architecture.Tests;

[TestFixture]
public sealed class ApplicationConventionTests
{
    private static IEnumerable<string> Conventions() => ConventionRules.All.Keys;

    [TestCaseSource(nameof(Conventions))]
    public void Convention_ApplicationTypes_FollowIt(string convention)
    {
        // Arrange
        var rule = ConventionRules.All[convention](Layers.ApplicationTypes());

        // Act
        // Assert
        rule.Check(Layers.Model);
    }

    [Test]
    public void Requests_ApplicationTypes_IncludeEveryKnownRequest()
    {
        // Arrange
        var known = Names(typeof(ActivateChatwootCommand), typeof(DeactivateChatwootCommand), typeof(GetChatwootStatusQuery),
            typeof(CreateInstanceCommand), typeof(DeleteInstanceCommand), typeof(ListInstancesQuery));

        // Act
        var requests = ConventionRules.Requests(Layers.ApplicationTypes()).FullNames();

        // Assert
        Assert.That(requests, Is.SupersetOf(known));
    }

    [Test]
    public void Handlers_ApplicationTypes_IncludeEveryKnownHandler()
    {
        // Arrange
        var known = Names(typeof(ActivateChatwootCommandHandler), typeof(DeactivateChatwootCommandHandler), typeof(GetChatwootStatusQueryHandler),
            typeof(CreateInstanceCommandHandler), typeof(DeleteInstanceCommandHandler), typeof(ListInstancesQueryHandler));

        // Act
        var handlers = ConventionRules.Handlers(Layers.ApplicationTypes()).FullNames();

        // Assert
        Assert.That(handlers, Is.SupersetOf(known));
    }

    [Test]
    public void Validators_ApplicationTypes_IncludeEveryKnownValidator()
    {
        // Arrange
        var known = Names(typeof(ChatwootActivationFieldsValidator), typeof(ActivateChatwootCommandValidator), typeof(CreateInstanceCommandValidator));

        // Act
        var validators = ConventionRules.Validators(Layers.ApplicationTypes()).FullNames();

        // Assert
        Assert.That(validators, Is.SupersetOf(known));
    }

    [Test]
    public void Behaviours_ApplicationTypes_IncludeEveryKnownBehaviour()
    {
        // Arrange
        var known = Names(typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TimeoutBehaviour<,>));

        // Act
        var behaviours = ConventionRules.Behaviours(Layers.ApplicationTypes()).FullNames();

        // Assert
        Assert.That(behaviours, Is.SupersetOf(known));
    }

    private static string[] Names(params Type[] types) => [.. types.Select(t => t.FullName!)];
}
