using Microsoft.Extensions.Hosting;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>The outbox's two group-commit writers, started and stopped with the host. Two, so that what ingress
/// records (answered only after its commit) never waits for a flusher busy with the workers' completions, which at
/// high rates are the larger and slower batches. Registered before the workers: stopped after them, so every
/// outcome a stopping worker records is flushed.</summary>
internal sealed class OutboxWriters(NpgsqlDataSource dataSource, IOptions<RoutingOptions> options) : IHostedService
{
    public GroupCommitWriter Ingress { get; } = new(dataSource, OutboxPool.WriterConnections(options.Value, dataSource));

    public GroupCommitWriter Completions { get; } = new(dataSource, OutboxPool.WriterConnections(options.Value, dataSource));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Ingress.Start();
        Completions.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(Ingress.StopAsync(), Completions.StopAsync());
}
