using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.Infrastructure.IntegrationTests.Fakes;

/// <summary>The application's own Chatwoot, engine and media adapters, wired as in production but pointed at the
/// fakes (no database is touched: only the connection string's presence is checked).</summary>
internal static class ProductAdapters
{
    public static ServiceProvider Build(string engineBaseUrl, string engineToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Database=unused",
                ["Engine:BaseUrl"] = engineBaseUrl,
                ["Engine:Token"] = engineToken,
                ["Routing:WorkersEnabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
