using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Refit;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Infrastructure.Upstream;

internal static class UpstreamClients
{
    /// <summary>A Refit client on a source-generated contract (no reflection-based JSON). Request bodies are
    /// serialized to a buffer first, so they carry a Content-Length instead of chunked transfer encoding, which some
    /// reverse proxies in front of self-hosted Chatwoot refuse with 411 Length Required. Answers are read once by
    /// <see cref="AnswerBodyHandler"/>, then pass <typeparamref name="THandler"/>, then the standard resilience
    /// pipeline bound from <paramref name="resilience"/>, which never retries an unsafe method: an inbox created
    /// or a message sent again after a lost answer would exist twice. <see cref="UpstreamMetricsHandler"/>, outermost,
    /// times the whole call.</summary>
    public static IHttpClientBuilder AddUpstreamClient<TApi, THandler>(
        this IServiceCollection services, UpstreamService upstream, JsonSerializerContext context, IConfigurationSection resilience,
        Action<IServiceProvider, HttpClient> configure, bool pipelinePerAuthority = false)
        where TApi : class
        where THandler : DelegatingHandler
    {
        services.AddMetrics();
        services.TryAddSingleton<RyzeApiMetrics>();
        services.AddTransient<AnswerBodyHandler>();
        services.AddTransient<THandler>();
        var settings = RefitSettings.ForJsonContext(context);
        settings.Buffered = true;
        var client = services.AddRefitGeneratedClient<TApi>(settings)
            .ConfigureHttpClient((provider, http) =>
            {
                // Above the pipeline's total timeout, so the pipeline's timeouts are the ones that fire.
                http.Timeout = TimeSpan.FromMinutes(5);
                configure(provider, http);
            })
            .AddHttpMessageHandler(provider => new UpstreamMetricsHandler(provider.GetRequiredService<RyzeApiMetrics>(), upstream, "unknown"))
            .AddHttpMessageHandler<AnswerBodyHandler>()
            .AddHttpMessageHandler<THandler>();
        var pipeline = client.AddStandardResilienceHandler(o =>
        {
            resilience.Bind(o);
            o.Retry.DisableForUnsafeHttpMethods();
        });
        if (pipelinePerAuthority)
        {
            pipeline.SelectPipelineByAuthority();
        }

        return client;
    }
}
