using FluentValidation;
using Mediator;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>Types that break each convention on purpose, to prove the rules notice.</summary>
internal static class ViolatingSamples
{
    public sealed record GoodCommand(string Name) : ICommand;

    public sealed record GoodQuery(int Id) : IQuery<string>;

    public record OpenCommand(string Name) : ICommand;

    public sealed class ClassCommand : ICommand<int>;

    public sealed record DoThing(string Name) : ICommand;

    public sealed record FetchThing(int Id) : IQuery<int>;

    public sealed record MutableQuery : IQuery<int>
    {
        public string? Name { get; set; }

        public int Count { get; init; }
    }

    public sealed record FieldCommand : ICommand
    {
        public string Field = string.Empty;
    }

    public class OpenCommandHandler : ICommandHandler<OpenCommand>
    {
        public ValueTask<Unit> Handle(OpenCommand command, CancellationToken cancellationToken) => default;
    }

    public sealed class DoThingHandler : ICommandHandler<DoThing>
    {
        public ValueTask<Unit> Handle(DoThing command, CancellationToken cancellationToken) => default;
    }

    public sealed class WrongQueryHandler : IQueryHandler<GoodQuery, string>
    {
        public ValueTask<string> Handle(GoodQuery query, CancellationToken cancellationToken) => default;
    }

    internal sealed class GoodQueryHandler : IQueryHandler<GoodQuery, string>
    {
        public ValueTask<string> Handle(GoodQuery query, CancellationToken cancellationToken) => default;
    }

    public class OpenValidator : AbstractValidator<GoodCommand>;

    internal sealed class HiddenValidator : AbstractValidator<GoodCommand>;

    public sealed class Rules : AbstractValidator<GoodCommand>;

    public class OpenBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
        where TMessage : notnull, IMessage
    {
        public ValueTask<TResponse> Handle(
            TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
            next(message, cancellationToken);
    }
}
