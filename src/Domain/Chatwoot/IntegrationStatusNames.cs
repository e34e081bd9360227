namespace RyzeApi.Domain.Chatwoot;

/// <summary>The wire and storage names of <see cref="IntegrationStatus"/>.</summary>
public static class IntegrationStatusNames
{
    public static string ToName(this IntegrationStatus status) => status switch
    {
        IntegrationStatus.Active => "active",
        IntegrationStatus.Paused => "paused",
        IntegrationStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static IntegrationStatus Parse(string name) => name switch
    {
        "active" => IntegrationStatus.Active,
        "paused" => IntegrationStatus.Paused,
        "error" => IntegrationStatus.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown integration status"),
    };
}
