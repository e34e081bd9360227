using Microsoft.OpenApi;

namespace RyzeApi.WebApi.Swagger;

/// <summary>The OpenAPI document (<c>/swagger/v1/swagger.json</c>) and Swagger UI (<c>/swagger</c>).</summary>
public static class SwaggerSetup
{
    public const string TokenScheme = "token";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddRyzeApiSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "RyzeApi",
                Version = "v1",
                Description = "The Chatwoot integration of a WhatsApp API. Every error answers "
                    + "{\"success\": false, \"error\": {\"message\": \"…\"}}.",
            });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "RyzeApi.WebApi.xml"), includeControllerXmlComments: true);
            options.AddSecurityDefinition(TokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "token",
                Description = "TokenAccount (the whole account) or TokenInstance (one instance).",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same tokens as Authorization: Bearer <token>.",
            });
            options.CustomOperationIds(api => api.ActionDescriptor.AttributeRouteInfo?.Name);
            options.OperationFilter<CommonResponsesOperationFilter>();
        });
        return services;
    }

    public static WebApplication UseRyzeApiSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/swagger/v1/swagger.json", "RyzeApi v1");
            options.DocumentTitle = "RyzeApi";
        });
        return app;
    }
}
