using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using RyzeApi.Application;
using Microsoft.Extensions.Options;
using RyzeApi.Infrastructure;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts;
using RyzeApi.WebApi.Filters;
using RyzeApi.WebApi.Hosting;
using RyzeApi.WebApi.Hosting.Telemetry;
using RyzeApi.WebApi.RateLimiting;
using RyzeApi.WebApi.Swagger;

var builder = WebApplication.CreateBuilder(args);
ListenFailure.Install(builder);
builder.WebHost.ConfigureKestrel(KestrelSetup.Configure);
builder.Logging.KeepRequestPathsOutOfLogs();

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddWebApiOptions(builder.Configuration);
builder.Services.AddRateLimiting();
builder.Services.AddRyzeApiMetrics(builder.Configuration);
builder.Services.AddRyzeApiTracing(builder.Configuration);

builder.Services.AddExceptionHandler<EnvelopeExceptionHandler>();
builder.Services.AddProblemDetails();
builder.Services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization(Policies.Configure);
builder.Services.AddSingleton<IAuthorizationHandler, InstanceAccessRequirement>();
builder.Services.AddSingleton<IAuthorizationHandler, AccountOnlyRequirement>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, EnvelopeAuthorizationResultHandler>();

builder.Services.AddControllers(options =>
    {
        // An instance, not Add<T>(): a type filter's order is the wrapper's (0), which would run after MVC's 415 filter.
        options.Filters.Add(new ModelStateEnvelopeFilter());
        options.Filters.Add(new JsonTextFilter());
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    })
    .AddJsonOptions(options =>
    {
        options.JsonSerializerOptions.Converters.Add(new UtcSecondsConverter());
        // The web defaults read "5" as 5; the contract says wrong types are a 400 naming the field.
        options.JsonSerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    });
// Validation is the mediator pipeline's job (FluentValidation); MVC's own validation would bypass it.
builder.Services.AddSingleton<IObjectModelValidator, NoObjectModelValidator>();
builder.Services.AddRyzeApiSwagger();

var app = builder.Build();

// Every layer's settings checked before the database is touched: a bad one stops the process here, naming it.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<RequestOutcomeLogging>();
app.UseRyzeApiMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<RateLimitMiddleware>();
app.UseAuthorization();

if (app.Services.GetRequiredService<IOptions<SwaggerSettings>>().Value.Enabled)
{
    app.UseRyzeApiSwagger();
}

app.MapControllers();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

return await ListenFailure.RunAsync(app);

/// <summary>The entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
