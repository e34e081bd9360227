using FluentValidation;

namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

public sealed class ActivateChatwootCommandValidator : AbstractValidator<ActivateChatwootCommand>
{
    public const int MaxIdempotencyKeyLength = 255;

    public ActivateChatwootCommandValidator()
    {
        RuleFor(c => c.Fields).SetValidator(new ChatwootActivationFieldsValidator());
        RuleFor(c => c.IdempotencyKey)
            .Must(k => k is null || (k.Length is > 0 and <= MaxIdempotencyKeyLength && k.All(c => c > ' ' && c < '\u007f')))
            .WithMessage($"the Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters");
    }
}
