using Mediator;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Application.Common.Behaviours;

/// <summary>Outermost behaviour: logs every failure once — classified ones at Warning, anything else at
/// Error — and always rethrows. Only the request's type name is logged, never its body (it may hold tokens).</summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull, IMessage
{
    private readonly ILogger _logger = logger;

    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception exception) when (IsClassified(exception))
        {
            _logger.LogWarning("{Request} failed: {Failure}: {Reason}", typeof(TRequest).Name, exception.GetType().Name, exception.Message);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogError(exception, "{Request} failed unexpectedly", typeof(TRequest).Name);
            throw;
        }
    }

    internal static bool IsClassified(Exception exception) => exception is ValidationException
        or NotFoundException or UnauthorizedException or ConflictException or RequestTimeoutException
        or UpstreamRejectedException or UpstreamUnavailableException or PersistenceFailedException;
}
