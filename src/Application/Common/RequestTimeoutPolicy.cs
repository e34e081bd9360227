using Microsoft.Extensions.Options;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Options;

namespace RyzeApi.Application.Common;

/// <summary>Only activation has an internal time limit (60 s, <c>Chatwoot__ActivationTimeout</c>; docs/operations.md).</summary>
public sealed class RequestTimeoutPolicy(IOptions<ChatwootModuleOptions> options) : IRequestTimeoutPolicy
{
    private readonly IOptions<ChatwootModuleOptions> _options = options;

    public TimeSpan? TimeoutFor(object request) => request switch
    {
        ActivateChatwootCommand => _options.Value.ActivationTimeout,
        _ => null,
    };
}
