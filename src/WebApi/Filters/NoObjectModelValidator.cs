using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace RyzeApi.WebApi.Filters;

/// <summary>Turns MVC's DataAnnotations validation off: every rule lives in a FluentValidation validator
/// run by the mediator's validation behaviour, so there is one source of rules and one error envelope.
/// The attributes stay on the contracts for the OpenAPI document only.</summary>
public sealed class NoObjectModelValidator : IObjectModelValidator
{
    public void Validate(ActionContext actionContext, ValidationStateDictionary? validationState, string prefix, object? model)
    {
    }
}
