namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Says how long a request may run before the timeout behaviour cancels it; null for no limit.</summary>
public interface IRequestTimeoutPolicy
{
    TimeSpan? TimeoutFor(object request);
}
