namespace RyzeApi.Application.Common.Options;

/// <summary>Stops start-up on routing settings that would make the workers spin or never deliver (the checks are
/// generated from <see cref="RoutingOptions"/>' attributes).</summary>
[OptionsValidator]
public sealed partial class RoutingOptionsValidator : IValidateOptions<RoutingOptions>;
