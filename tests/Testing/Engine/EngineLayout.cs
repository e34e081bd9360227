namespace RyzeApi.Testing.Engine;

/// <summary>The two layouts of the RyzeAPI event envelope seen in the wild.</summary>
public enum EngineLayout
{
    /// <summary>The documented catalog: everything in <c>data.message</c>, <c>content</c> an object (<c>{"text":…}</c>).</summary>
    Nested,

    /// <summary>Live engines: <c>id</c>, <c>chat</c>, <c>sender</c>, <c>direction</c> and <c>timestamp</c> on
    /// <c>data</c>, beside <c>data.message</c>, whose <c>content</c> is a plain string.</summary>
    Flat,
}
