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
    private readonly Type[] _types = Layers.ApplicationTypes();

    [Test]
    public void Requests_AreSealedImmutableRecordsNamedCommandOrQuery()
    {
        // Arrange
        var requests = ConventionRules.Requests(_types);

        // Act
        var violations = ConventionRules.RequestViolations(requests);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.SupersetOf(new[]
            {
                typeof(ActivateChatwootCommand), typeof(DeactivateChatwootCommand), typeof(GetChatwootStatusQuery),
                typeof(CreateInstanceCommand), typeof(DeleteInstanceCommand), typeof(ListInstancesQuery),
            }));
            Assert.That(violations, Is.Empty);
        });
    }

    [Test]
    public void Handlers_NeverCallTheMediator()
    {
        // Arrange: a handler that sends another request runs every behaviour twice, nested (validation, timeout).
        var mediator = new[] { typeof(Mediator.ISender), typeof(Mediator.IPublisher), typeof(Mediator.IMediator) };

        // Act
        var violations = ConventionRules.Handlers(_types)
            .SelectMany(h => h.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => mediator.Contains(p.ParameterType))
                .Select(p => $"{h.Name} takes {p.ParameterType.Name}"))
            .ToList();

        // Assert
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Handlers_ArePublicSealedAndNamedAfterTheirRequest()
    {
        // Arrange
        var handlers = ConventionRules.Handlers(_types);

        // Act
        var violations = ConventionRules.HandlerViolations(handlers);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(handlers, Is.SupersetOf(new[]
            {
                typeof(ActivateChatwootCommandHandler), typeof(DeactivateChatwootCommandHandler), typeof(GetChatwootStatusQueryHandler),
                typeof(CreateInstanceCommandHandler), typeof(DeleteInstanceCommandHandler), typeof(ListInstancesQueryHandler),
            }));
            Assert.That(violations, Is.Empty);
        });
    }

    [Test]
    public void EveryRequest_HasExactlyOneHandler()
    {
        // Arrange
        var requests = ConventionRules.Requests(_types);
        var handled = ConventionRules.Handlers(_types)
            .SelectMany(ConventionRules.HandledRequests)
            .ToList();

        // Act
        var unhandledOrDuplicated = requests.Where(r => handled.Count(h => h == r) != 1).Select(r => r.Name);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Length.GreaterThanOrEqualTo(6));
            Assert.That(unhandledOrDuplicated, Is.Empty);
        });
    }

    [Test]
    public void Validators_ArePublicSealedAndNamedValidator()
    {
        // Arrange
        var validators = ConventionRules.Validators(_types);

        // Act
        var violations = ConventionRules.ValidatorViolations(validators);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(validators, Is.SupersetOf(new[]
            {
                typeof(ChatwootActivationFieldsValidator), typeof(ActivateChatwootCommandValidator), typeof(CreateInstanceCommandValidator),
            }));
            Assert.That(violations, Is.Empty);
        });
    }

    [Test]
    public void Behaviours_ArePublicSealedAndNamedBehaviour()
    {
        // Arrange
        var behaviours = ConventionRules.Behaviours(_types);

        // Act
        var violations = ConventionRules.BehaviourViolations(behaviours);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(behaviours, Is.SupersetOf(new[]
            {
                typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TimeoutBehaviour<,>),
            }));
            Assert.That(violations, Is.Empty);
        });
    }
}
