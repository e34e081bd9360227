using FluentValidation;
using RyzeApi.Application.Common.Behaviours;
using ValidationException = RyzeApi.Application.Common.Exceptions.ValidationException;

namespace RyzeApi.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class ValidationBehaviourTests
{
    private readonly TestRequest _request = new("ping");

    [Test]
    public async Task Handle_NoValidators_RunsNextWithCallerToken()
    {
        // Arrange
        // (no validators)

        // Act
        // Assert
        await PassThrough.AssertAsync(Behaviour(), _request);
    }

    [Test]
    public async Task Handle_ValidatorsPass_RunsNext()
    {
        // Arrange
        var next = RecordingNext<string>.Returning("pong");
        var behaviour = Behaviour(Passing(), Passing());

        // Act
        var response = await behaviour.Handle(_request, next.Delegate, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("pong"));
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void Handle_FailuresFromSeveralValidators_ThrowsOneAggregatedExceptionWithoutRunningNext()
    {
        // Arrange
        var next = RecordingNext<string>.Returning("pong");
        var behaviour = Behaviour(Failing("a"), Passing(), Failing("b"));

        // Act
        var exception = Assert.ThrowsAsync<ValidationException>(
            async () => await behaviour.Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Is.EqualTo("invalid body: a; b"));
            Assert.That(exception.Failures, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(next.Calls, Is.Zero);
        });
    }

    [Test]
    public void Handle_SameFailureTwice_ReportsItOnce()
    {
        // Arrange
        var next = RecordingNext<string>.Returning("pong");
        var behaviour = Behaviour(Failing("a", "c"), Failing("a"));

        // Act
        var exception = Assert.ThrowsAsync<ValidationException>(
            async () => await behaviour.Handle(_request, next.Delegate, CancellationToken.None));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Is.EqualTo("invalid body: a; c"));
            Assert.That(next.Calls, Is.Zero);
        });
    }

    private static InlineValidator<TestRequest> Passing() => new() { v => v.RuleFor(r => r.Value).NotEmpty() };

    private static InlineValidator<TestRequest> Failing(params string[] messages)
    {
        var validator = new InlineValidator<TestRequest>();
        foreach (var message in messages)
        {
            validator.RuleFor(r => r.Value).Must(_ => false).WithMessage(message);
        }

        return validator;
    }

    private static ValidationBehaviour<TestRequest, string> Behaviour(params IValidator<TestRequest>[] validators) =>
        new(validators);
}
