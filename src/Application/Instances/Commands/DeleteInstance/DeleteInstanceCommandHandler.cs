using RyzeApi.Application.Common;

namespace RyzeApi.Application.Instances.Commands.DeleteInstance;

public sealed class DeleteInstanceCommandHandler(InstanceResolver resolver, IInstanceRepository instances)
    : ICommandHandler<DeleteInstanceCommand>
{
    public async ValueTask<Unit> Handle(DeleteInstanceCommand command, CancellationToken cancellationToken)
    {
        var instance = await resolver.ResolveAsync(command.Caller, command.Instance, "Instance not found", cancellationToken);
        if (!await instances.DeleteAsync(instance.Id, cancellationToken))
        {
            throw new NotFoundException("Instance not found");
        }

        return Unit.Value;
    }
}
