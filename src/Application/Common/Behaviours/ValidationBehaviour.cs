using FluentValidation;
using ValidationException = RyzeApi.Application.Common.Exceptions.ValidationException;

namespace RyzeApi.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and throws one <see cref="ValidationException"/> with all
/// failures, before the timeout starts, so a rejected request never uses up the time budget. Logs nothing:
/// the rejection is the request's outcome, logged once by the host with its status.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull, IMessage
{
    private readonly IValidator<TRequest>[] _validators = [.. validators];

    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var context = new ValidationContext<TRequest>(message);
            var results = await Task.WhenAll(_validators.Select(v => v.ValidateAsync(context, cancellationToken)));
            var failures = results.SelectMany(r => r.Errors).Select(f => f.ErrorMessage).Distinct().ToList();
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }
        }

        return await next(message, cancellationToken);
    }
}
