using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>Sends DbUp's output to the application log instead of the console.</summary>
internal sealed class DbUpLogger(ILogger logger) : IUpgradeLog
{
    public void LogTrace(string format, params object[] args) => logger.LogTrace("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogDebug(string format, params object[] args) => logger.LogDebug("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogInformation(string format, params object[] args) => logger.LogInformation("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogWarning(string format, params object[] args) => logger.LogWarning("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogError(string format, params object[] args) => logger.LogError("{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Migration}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
