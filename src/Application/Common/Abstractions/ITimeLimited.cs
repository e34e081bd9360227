namespace RyzeApi.Application.Common.Abstractions;

/// <summary>A request that runs under an internal time limit. The request's type says so, and which setting
/// holds the limit, so the timeout behaviour needs no list of request types.</summary>
public interface ITimeLimited
{
    TimeSpan TimeLimit(ChatwootModuleOptions options);
}
