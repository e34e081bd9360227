using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using RyzeApi.Application;
using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.WebApi.Auth;
using RyzeApi.WebApi.Contracts;
using RyzeApi.WebApi.Errors;
using RyzeApi.WebApi.Filters;
using RyzeApi.WebApi.Hosting;
using RyzeApi.WebApi.RateLimiting;
using RyzeApi.WebApi.Swagger;

var builder = WebApplication.CreateBuilder(args);
ListenFailure.Install(builder);
builder.WebHost.ConfigureKestrel(KestrelSetup.Configure);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.Configure<ChatwootModuleOptions>(builder.Configuration.GetSection(ChatwootModuleOptions.Section));
builder.Services.Configure<RyzeApiOptions>(builder.Configuration.GetSection(RyzeApiOptions.Section));
builder.Services.Configure<RateLimitSettings>(builder.Configuration.GetSection(RateLimitSettings.Section));

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

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseMiddleware<RequestOutcomeLogging>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<RateLimitMiddleware>();
app.UseAuthorization();

if (app.Configuration.GetValue("Swagger:Enabled", true))
{
    app.UseRyzeApiSwagger();
}

app.MapControllers();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

return await ListenFailure.RunAsync(app);

/// <summary>The entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
