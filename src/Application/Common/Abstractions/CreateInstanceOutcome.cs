namespace RyzeApi.Application.Common.Abstractions;

public enum CreateInstanceOutcome
{
    Created,
    NameTaken,
    TokenTaken,
}
