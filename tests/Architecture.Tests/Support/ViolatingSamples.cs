using FluentValidation;
using Mediator;
using Npgsql;

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

    public sealed class FetchThingHandler : IQueryHandler<FetchThing, int>
    {
        public ValueTask<int> Handle(FetchThing query, CancellationToken cancellationToken) => default;
    }

    public sealed record RelayCommand : ICommand;

    public sealed class RelayCommandHandler(ISender sender) : ICommandHandler<RelayCommand>
    {
        public async ValueTask<Unit> Handle(RelayCommand command, CancellationToken cancellationToken) =>
            await sender.Send(new GoodCommand("relayed"), cancellationToken);
    }

    public sealed record LookupCommand : ICommand;

    /// <summary>Reaches the mediator only inside a method body, through the service provider.</summary>
    public sealed class LookupCommandHandler(IServiceProvider services) : ICommandHandler<LookupCommand>
    {
        public async ValueTask<Unit> Handle(LookupCommand command, CancellationToken cancellationToken) =>
            await ((IMediator)services.GetService(typeof(IMediator))!).Send(new GoodCommand("looked up"), cancellationToken);
    }

    /// <summary>Names Npgsql only inside a method body; its signatures are clean.</summary>
    public sealed class BodyUsesNpgsql
    {
        public string Describe() => new NpgsqlConnectionStringBuilder { Host = "db" }.Host!;
    }

    /// <summary>Names the WebApi layer only inside a method body.</summary>
    public sealed class BodyNamesTheWebApi
    {
        public string Describe() => typeof(Program).Assembly.GetName().Name!;
    }

    public interface IImplementedPort;

    public interface IForgottenPort;

    public sealed class ImplementedPort : IImplementedPort;
}

