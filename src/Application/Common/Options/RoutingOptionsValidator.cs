using Microsoft.Extensions.Options;

namespace RyzeApi.Application.Common.Options;

/// <summary>Stops start-up on routing settings that would make the workers spin or never deliver,
/// naming each setting as an operator writes it.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.Workers >= 1, "Routing__Workers must be at least 1");
        Require(failures, options.MaxAttempts >= 1, "Routing__MaxAttempts must be at least 1");
        Require(failures, options.BatchSize >= 1, "Routing__BatchSize must be at least 1");
        Require(failures, options.Parallelism >= 1, "Routing__Parallelism must be at least 1");
        Require(failures, options.RetryBaseDelay > TimeSpan.Zero, "Routing__RetryBaseDelay must be positive");
        Require(failures, options.RetryMaxDelay >= options.RetryBaseDelay, "Routing__RetryMaxDelay must not be below Routing__RetryBaseDelay");
        Require(failures, options.LeaseDuration >= TimeSpan.FromSeconds(1), "Routing__LeaseDuration must be at least 00:00:01");
        Require(failures, options.PollInterval >= TimeSpan.FromMilliseconds(10), "Routing__PollInterval must be at least 00:00:00.010");
        Require(failures, options.ClaimInterval >= TimeSpan.Zero && options.ClaimInterval <= TimeSpan.FromSeconds(1),
            "Routing__ClaimInterval must be between 00:00:00 and 00:00:01");
        Require(failures, options.MediaMaxBytes >= 1, "Routing__MediaMaxBytes must be at least 1");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
