using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Instances.Commands.CreateInstance;

public sealed class CreateInstanceCommandHandler(
    IInstanceRepository instances,
    ChatwootActivator activator,
    IChatwootModuleStatus module,
    IOptions<ChatwootModuleOptions> options,
    TimeProvider timeProvider,
    ILogger<CreateInstanceCommandHandler> logger)
    : ICommandHandler<CreateInstanceCommand, CreateInstanceResult>
{
    public const string InlineInternalError = "chatwoot integration failed: internal error - the failure was logged; activate again with POST /api/chatwoot/set/<instance>";
    public async ValueTask<CreateInstanceResult> Handle(CreateInstanceCommand command, CancellationToken cancellationToken)
    {
        var token = command.Token ?? SecretTokens.New();
        var instance = new InstanceRecord(Guid.CreateVersion7(), command.Caller.AccountId, command.Name!, timeProvider.GetUtcNow());
        switch (await instances.CreateAsync(instance, SecretTokens.Hash(token), cancellationToken))
        {
            case CreateInstanceOutcome.NameTaken:
                throw new ConflictException("Instance name already exists");
            case CreateInstanceOutcome.TokenTaken:
                throw new ConflictException("token is already in use - choose another token or omit it to get a generated one");
        }

        InlineActivationOutcome? chatwoot = null;
        if (command.Chatwoot is { } fields)
        {
            chatwoot = await ActivateInlineAsync(instance, fields, cancellationToken);
        }

        return new CreateInstanceResult(instance.Name, token, instance.CreatedAt, chatwoot);
    }

    // The activator itself, not the mediator: this command's validator already checked the fields, and a nested
    // send would run every behaviour twice. The time limit is activation's own, as for the activation endpoint.
    private async Task<InlineActivationOutcome> ActivateInlineAsync(
        InstanceRecord instance, ChatwootActivationFields fields, CancellationToken cancellationToken)
    {
        var name = instance.Name;
        try
        {
            if (!module.IsConfigured)
            {
                throw new ModuleNotConfiguredException();
            }

            var result = await Deadline.RunAsync(
                "inline Chatwoot activation", options.Value.ActivationTimeout, timeProvider,
                token => activator.ActivateAsync(instance, fields, _ => null, token), cancellationToken);
            return new InlineActivationOutcome(result.Status, result.BridgeIntegrationId, null);
        }
        catch (ApplicationFailure failure) when (failure.MessageIsForTheCaller)
        {
            // The answer is a 201 that reports this in chatwoot.error, and this is its one log line: a refusal at
            // Information, as for any refused request; a server fault at Error, with its cause (the database's error).
            if (failure.IsServerFault)
            {
                logger.LogError(failure.InnerException ?? failure, "Inline Chatwoot activation of instance {Instance} failed: {Reason}", name, failure.Message);
            }
            else
            {
                logger.LogInformation("Inline Chatwoot activation of instance {Instance} failed: {Reason}", name, failure.Message);
            }

            return new InlineActivationOutcome("error", null, failure.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The instance exists and its token is shown only in this answer: never lose it to a 500.
            logger.LogError(exception, "Inline Chatwoot activation of instance {Instance} failed unexpectedly", name);
            return new InlineActivationOutcome("error", null, InlineInternalError);
        }
    }
}
