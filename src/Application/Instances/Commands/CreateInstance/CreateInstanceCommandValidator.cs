using FluentValidation;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Validation;
using RyzeApi.Domain.Instances;

namespace RyzeApi.Application.Instances.Commands.CreateInstance;

/// <summary>Each message says what is wrong with the value (which character, how long), not only the rule.</summary>
public sealed class CreateInstanceCommandValidator : AbstractValidator<CreateInstanceCommand>
{
    public const int MinTokenLength = 16;
    public const int MaxTokenLength = 256;
    private const string TokenRule = "a token is 16 to 256 visible ASCII characters; omit it to get a generated one";

    public CreateInstanceCommandValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("name is required")
            .Must(n => InstanceName.Fault(n!) is null)
            .WithMessage((_, n) => $"name {InstanceName.Fault(n!)} - an instance name is {InstanceName.Rule}");
        RuleFor(c => c.Token).Cascade(CascadeMode.Stop)
            .Must(t => t is null || TextFaults.NotVisibleAscii(t) is null)
            .WithMessage((_, t) => $"token {TextFaults.NotVisibleAscii(t!)} - {TokenRule}")
            .Must(t => t is null || t.Length >= MinTokenLength)
            .WithMessage((_, t) => $"token {TextFaults.TooShort(MinTokenLength, t!.Length)} - {TokenRule}")
            .Must(t => t is null || t.Length <= MaxTokenLength)
            .WithMessage((_, t) => $"token {TextFaults.TooLong(MaxTokenLength, t!.Length)} - {TokenRule}");
        RuleFor(c => c.Chatwoot!).SetValidator(new ChatwootActivationFieldsValidator("chatwootInboxName")).When(c => c.Chatwoot is not null);
    }
}
