using FluentValidation;
using Mediator;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>The Application conventions. Each rule returns one line per violation, so a test can assert
/// an empty list for production code and an exact list for deliberately broken samples.</summary>
public static class ConventionRules
{
    private static readonly Type[] s_commands = [typeof(ICommand), typeof(ICommand<>)];
    private static readonly Type[] s_queries = [typeof(IQuery<>)];
    private static readonly Type[] s_commandHandlers = [typeof(ICommandHandler<>), typeof(ICommandHandler<,>)];
    private static readonly Type[] s_queryHandlers = [typeof(IQueryHandler<,>)];

    public static Type[] Requests(IEnumerable<Type> types) =>
        [.. types.Where(t => TypeInspection.ClosedInterfaces(t, [.. s_commands, .. s_queries]).Length > 0)];

    public static Type[] Handlers(IEnumerable<Type> types) =>
        [.. types.Where(t => TypeInspection.IsConcrete(t)
            && TypeInspection.ClosedInterfaces(t, [.. s_commandHandlers, .. s_queryHandlers]).Length > 0)];

    public static Type[] Validators(IEnumerable<Type> types) =>
        [.. types.Where(t => TypeInspection.IsConcrete(t) && TypeInspection.DerivesFromGeneric(t, typeof(AbstractValidator<>)))];

    public static Type[] Behaviours(IEnumerable<Type> types) =>
        [.. types.Where(t => TypeInspection.IsConcrete(t)
            && TypeInspection.ClosedInterfaces(t, typeof(IPipelineBehavior<,>)).Length > 0)];

    public static List<string> RequestViolations(IEnumerable<Type> requests)
    {
        var violations = new List<string>();
        foreach (var type in requests)
        {
            var suffix = TypeInspection.ClosedInterfaces(type, s_queries).Length > 0 ? "Query" : "Command";
            Check(violations, type, type.IsSealed, "is not sealed");
            Check(violations, type, TypeInspection.IsRecord(type), "is not a record");
            Check(violations, type, type.Name.EndsWith(suffix, StringComparison.Ordinal), $"is not named …{suffix}");
            violations.AddRange(TypeInspection.MutableMembers(type).Select(m => $"{type.Name}.{m} is mutable"));
        }

        return violations;
    }

    public static List<string> HandlerViolations(IEnumerable<Type> handlers)
    {
        var violations = new List<string>();
        foreach (var type in handlers)
        {
            PublicSealed(violations, type);
            foreach (var request in HandledRequests(type))
            {
                var suffix = TypeInspection.ClosedInterfaces(request, s_queries).Length > 0 ? "QueryHandler" : "CommandHandler";
                Check(violations, type, type.Name.EndsWith(suffix, StringComparison.Ordinal), $"is not named …{suffix}");
                Check(violations, type, type.Name == request.Name + "Handler", $"is not named {request.Name}Handler");
            }
        }

        return violations;
    }

    /// <summary>The requests a handler handles, once each (<c>ICommandHandler&lt;T&gt;</c> extends
    /// <c>ICommandHandler&lt;T, Unit&gt;</c>, so one command shows up through two interfaces).</summary>
    public static Type[] HandledRequests(Type handler) =>
        [.. TypeInspection.ClosedInterfaces(handler, [.. s_commandHandlers, .. s_queryHandlers])
            .Select(contract => contract.GetGenericArguments()[0])
            .Distinct()];

    public static List<string> ValidatorViolations(IEnumerable<Type> validators) => NamedPublicSealed(validators, "Validator");

    public static List<string> BehaviourViolations(IEnumerable<Type> behaviours) => NamedPublicSealed(behaviours, "Behaviour");

    private static List<string> NamedPublicSealed(IEnumerable<Type> types, string suffix)
    {
        var violations = new List<string>();
        foreach (var type in types)
        {
            PublicSealed(violations, type);
            var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
            Check(violations, type, name.EndsWith(suffix, StringComparison.Ordinal), $"is not named …{suffix}");
        }

        return violations;
    }

    private static void PublicSealed(List<string> violations, Type type)
    {
        Check(violations, type, TypeInspection.IsPublic(type), "is not public");
        Check(violations, type, type.IsSealed, "is not sealed");
    }

    private static void Check(List<string> violations, Type type, bool holds, string problem)
    {
        if (!holds)
        {
            violations.Add($"{type.Name} {problem}");
        }
    }
}
