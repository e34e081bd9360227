using Microsoft.AspNetCore.Mvc.Filters;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.WebApi.Filters;

/// <summary>503 <c>integration gateway not configured</c> while the Chatwoot module is off or lacks
/// settings. A resource filter, so it runs before the body is read: 503 comes before 400 (docs/api/en/README.md, order of checks).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ChatwootModuleGateAttribute : Attribute, IResourceFilter
{
    public const string NotConfiguredMessage = ModuleNotConfiguredException.NotConfiguredMessage;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var gate = context.HttpContext.RequestServices.GetRequiredService<IChatwootModuleStatus>();
        if (!gate.IsConfigured)
        {
            context.Result = EnvelopeWriter.Result(context.HttpContext, FailureAnswers.For(new ModuleNotConfiguredException()));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
