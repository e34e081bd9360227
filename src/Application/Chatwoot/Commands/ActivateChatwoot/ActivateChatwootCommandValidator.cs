using FluentValidation;
using RyzeApi.Application.Common.Validation;

namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

public sealed class ActivateChatwootCommandValidator : AbstractValidator<ActivateChatwootCommand>
{
    public const int MaxIdempotencyKeyLength = 255;
    private const string Header = "the Idempotency-Key header";
    private const string Rule = $"send 1 to 255 visible ASCII characters, or leave the header out";

    public ActivateChatwootCommandValidator()
    {
        RuleFor(c => c.Fields).SetValidator(new ChatwootActivationFieldsValidator());
        RuleFor(c => c.IdempotencyKey).Cascade(CascadeMode.Stop)
            .Must(k => k is null || k.Length > 0).WithMessage($"{Header} is empty - {Rule}")
            .Must(k => k is null || TextFaults.NotVisibleAscii(k) is null)
            .WithMessage((_, k) => $"{Header} {TextFaults.NotVisibleAscii(k!)} - {Rule}")
            .Must(k => k is null || k.Length <= MaxIdempotencyKeyLength)
            .WithMessage((_, k) => $"{Header} {TextFaults.TooLong(MaxIdempotencyKeyLength, k!.Length)}");
    }
}
