using Microsoft.Extensions.Logging;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>Verifies <see cref="ILogger"/> calls, which go through the generic <c>Log&lt;TState&gt;</c>.</summary>
public static class LoggerMockExtensions
{
    public static void VerifyLog<T>(this Mock<ILogger<T>> logger, LogLevel level, Times times) =>
        logger.Verify(
            l => l.Log(level, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);

    public static void VerifyLog<T>(this Mock<ILogger<T>> logger, LogLevel level, string message, Exception? exception, Times times) =>
        logger.Verify(
            l => l.Log(
                level,
                It.IsAny<EventId>(),
                It.Is<It.IsAnyType>((state, _) => state != null && state.ToString() == message),
                exception,
                It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            times);

    public static void VerifyNoLogAbove<T>(this Mock<ILogger<T>> logger, LogLevel level) =>
        logger.Verify(
            l => l.Log(
                It.Is<LogLevel>(actual => actual > level),
                It.IsAny<EventId>(),
                It.IsAny<It.IsAnyType>(),
                It.IsAny<Exception?>(),
                It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Never);
}
