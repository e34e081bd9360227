using System.Reflection;
using System.Runtime.CompilerServices;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>Reflection helpers for the convention rules.</summary>
public static class TypeInspection
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The closed interfaces of <paramref name="type"/> made from any of <paramref name="openInterfaces"/>.</summary>
    public static Type[] ClosedInterfaces(Type type, params Type[] openInterfaces) =>
        [.. type.GetInterfaces().Where(i => openInterfaces.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i))];

    public static bool DerivesFromGeneric(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsConcrete(Type type) => type is { IsClass: true, IsAbstract: false } && !IsCompilerGenerated(type);

    public static bool IsPublic(Type type) => type.IsPublic || type.IsNestedPublic;

    /// <summary>Records get a compiler-generated <c>&lt;Clone&gt;$</c> method.</summary>
    public static bool IsRecord(Type type) => type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    public static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    /// <summary>Members through which a built instance could be changed: settable non-init properties
    /// and writable fields.</summary>
    public static IEnumerable<string> MutableMembers(Type type)
    {
        foreach (var property in type.GetProperties(Declared))
        {
            if (property.SetMethod is { } setter && !IsInitOnly(setter))
            {
                yield return property.Name;
            }
        }

        foreach (var field in type.GetFields(Declared))
        {
            if (!field.IsStatic && !field.IsInitOnly && !field.IsLiteral && !IsCompilerGenerated(field))
            {
                yield return field.Name;
            }
        }
    }

    /// <summary>Every type named by <paramref name="type"/>'s signatures: base, interfaces, fields,
    /// properties, constructors and methods, generic arguments and element types included.</summary>
    public static IEnumerable<Type> SignatureTypes(Type type)
    {
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }
        }

        return direct.OfType<Type>().SelectMany(Expand);
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        if (type.IsGenericParameter)
        {
            return [];
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Prepend(type) : [type];
    }

    private static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), false);
}
