using FluentValidation;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Domain.Instances;

namespace RyzeApi.Application.Instances.Commands.CreateInstance;

public sealed class CreateInstanceCommandValidator : AbstractValidator<CreateInstanceCommand>
{
    public const int MinTokenLength = 16;
    public const int MaxTokenLength = 256;

    public CreateInstanceCommandValidator()
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("name is required")
            .Must(InstanceName.IsValid).WithMessage("name must be 1 to 64 letters, digits, '-' or '_'");
        RuleFor(c => c.Token)
            .Must(t => t is null || (t.Length is >= MinTokenLength and <= MaxTokenLength && t.All(c => c > ' ' && c < '\u007f')))
            .WithMessage($"token must be {MinTokenLength} to {MaxTokenLength} visible ASCII characters");
        RuleFor(c => c.Chatwoot!).SetValidator(new ChatwootActivationFieldsValidator("chatwootInboxName")).When(c => c.Chatwoot is not null);
    }
}
