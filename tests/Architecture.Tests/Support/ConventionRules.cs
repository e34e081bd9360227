using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types.Classes;
using FluentValidation;
using Mediator;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>The Application conventions, each an ArchUnitNET rule over the types of a scope (the production
/// Application types, or <see cref="ViolatingSamples"/> to prove the rule notices).</summary>
public static class ConventionRules
{
    private static readonly Type[] s_commands = [typeof(ICommand), typeof(ICommand<>)];
    private static readonly Type[] s_queries = [typeof(IQuery<>)];
    private static readonly Type[] s_commandHandlers = [typeof(ICommandHandler<>), typeof(ICommandHandler<,>)];
    private static readonly Type[] s_queryHandlers = [typeof(IQueryHandler<,>)];
    private static readonly string[] s_handlerNames = [.. s_commandHandlers.Concat(s_queryHandlers).Select(t => t.FullName!)];

    public static GivenClassesConjunction Commands(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().ImplementAnyInterfaces(s_commands);

    public static GivenClassesConjunction Queries(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().ImplementAnyInterfaces(s_queries);

    public static GivenClassesConjunction Requests(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().ImplementAnyInterfaces([.. s_commands, .. s_queries]);

    public static GivenClassesConjunction Handlers(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().ImplementAnyInterfaces([.. s_commandHandlers, .. s_queryHandlers]).And().AreNotAbstract();

    public static GivenClassesConjunction Validators(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().AreAssignableTo(typeof(AbstractValidator<>)).And().AreNotAbstract();

    public static GivenClassesConjunction Behaviours(IObjectProvider<IType> scope) =>
        Classes().That().Are(scope).And().ImplementInterface(typeof(IPipelineBehavior<,>)).And().AreNotAbstract();

    /// <summary>Every convention by name, so one test runs them all on production code and another shows
    /// each failing on the samples.</summary>
    public static IReadOnlyDictionary<string, Func<IObjectProvider<IType>, IArchRule>> All { get; } =
        new Dictionary<string, Func<IObjectProvider<IType>, IArchRule>>
        {
            ["requests are sealed"] = s => Requests(s).Should().BeSealed(),
            ["requests are records"] = s => Requests(s).Should().BeRecord(),
            ["requests are immutable"] = s => Requests(s).Should().BeImmutable(),
            ["commands are named …Command"] = s => Commands(s).Should().HaveNameEndingWith("Command"),
            ["queries are named …Query"] = s => Queries(s).Should().HaveNameEndingWith("Query"),
            ["handlers are public and sealed"] = s => Handlers(s).Should().BePublic().AndShould().BeSealed(),
            ["command handlers are named …CommandHandler"] = s =>
                Handlers(s).And().ImplementAnyInterfaces(s_commandHandlers).Should().HaveNameEndingWith("CommandHandler"),
            ["query handlers are named …QueryHandler"] = s =>
                Handlers(s).And().ImplementAnyInterfaces(s_queryHandlers).Should().HaveNameEndingWith("QueryHandler"),
            ["handlers are named after their request"] = s => Handlers(s).Should().FollowCustomCondition(
                h => HandledRequests(h).All(r => h.Name == r.Name + "Handler"), "be named after their request", "is not named after its request"),
            ["every request has exactly one handler"] = s => Requests(s).Should().FollowCustomCondition(
                r => Handlers(s).GetObjects(Layers.Model).Count(h => HandledRequests(h).Contains(r)) == 1,
                "have exactly one handler", "has no handler or more than one"),
            ["handlers never call the mediator"] = s =>
                Handlers(s).Should().NotDependOnAny(typeof(ISender), typeof(IPublisher), typeof(IMediator)),
            ["validators are public, sealed and named …Validator"] = s =>
                Validators(s).Should().BePublic().AndShould().BeSealed().AndShould().HaveNameMatching(@"Validator(`\d+)?$"),
            ["behaviours are public, sealed and named …Behaviour"] = s =>
                Behaviours(s).Should().BePublic().AndShould().BeSealed().AndShould().HaveNameMatching(@"Behaviour(`\d+)?$"),
        };

    /// <summary>The requests a handler handles, once each (<c>ICommandHandler&lt;T&gt;</c> extends
    /// <c>ICommandHandler&lt;T, Unit&gt;</c>, so one command shows up through two interfaces).</summary>
    public static IType[] HandledRequests(IType handler) =>
        [.. handler.Dependencies.OfType<ImplementsInterfaceDependency>()
            .Where(d => s_handlerNames.Contains(d.Target.FullName))
            .Select(d => d.TargetGenericArguments.First().Type)
            .Distinct()];
}
