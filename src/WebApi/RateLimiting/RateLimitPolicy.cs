namespace RyzeApi.WebApi.RateLimiting;

/// <summary>A named limit and the partition (who is counted) of one request.</summary>
public sealed record RateLimitPolicy(string Name, int PermitLimit, string Partition)
{
    public const string Ingress = "ingress";

    /// <summary>Permits taken from the shared count per database statement. 1 (one statement per request, exact)
    /// except for ingress, the path of every routed message: a two-hundredth of its limit, at most 50, so a message
    /// costs no database round trip of its own (docs/adr/0038-rate-limits-shared-by-replicas.md).</summary>
    public int Block => Name == Ingress ? Math.Clamp(PermitLimit / 200, 1, 50) : 1;

    public static RateLimitPolicy For(HttpContext context, RateLimitSettings settings)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var who = context.User.FindFirst(Auth.CallerClaims.TokenKey)?.Value is { } tokenKey
            ? "t:" + tokenKey
            : "ip:" + context.Connection.RemoteIpAddress;

        if (path.StartsWith("/api/chatwoot/webhook/", StringComparison.OrdinalIgnoreCase))
        {
            // Chatwoot sends no token: count per integration (the route's first segment).
            var integration = path["/api/chatwoot/webhook/".Length..].Split('/')[0];
            return new(Ingress, settings.IngressPermitLimit, "w:" + integration);
        }

        if (path.StartsWith("/api/chatwoot/events/", StringComparison.OrdinalIgnoreCase))
        {
            return new(Ingress, settings.IngressPermitLimit, who);
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/api/instance/new", StringComparison.OrdinalIgnoreCase))
        {
            return new("instance-create", settings.InstanceCreatePermitLimit, who);
        }

        return new("global", settings.GlobalPermitLimit, who);
    }
}
