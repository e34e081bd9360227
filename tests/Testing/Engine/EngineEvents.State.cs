using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Engine;

public static partial class EngineEvents
{
    public const string InstanceState = "instance.state";

    /// <summary><c>instance.state</c> with the session's <paramref name="state"/> in <c>data.state</c>, or in
    /// <c>data.status</c> when <paramref name="field"/> says so (RyzeAPI uses both).</summary>
    public static string State(string state, string field = "state") =>
        Event(InstanceState, new JsonObject { [field] = state, ["instance"] = "suporte" });
}
