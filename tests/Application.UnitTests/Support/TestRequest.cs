using Mediator;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>A request for exercising pipeline behaviours in isolation.</summary>
public sealed record TestRequest(string Value) : IRequest<string>;
