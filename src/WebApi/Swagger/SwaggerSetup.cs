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
                    + "{\"success\": false, \"error\": {\"message\": \"…\"}}. Every response carries "
                    + "X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (a 429 also Retry-After) and "
                    + "X-Content-Type-Options: nosniff; an answer that carries a secret also carries Cache-Control: no-store.",
                Contact = new OpenApiContact { Name = "RyzeApi operators" },
            });
            // Relative, so Swagger UI and generated clients call whichever host serves the document.
            options.AddServer(new OpenApiServer { Url = "/", Description = "The server this document is served from" });
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "RyzeApi.WebApi.xml"), includeControllerXmlComments: true);
            options.AddSecurityDefinition(TokenScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "token",
                Description = "The `token` header: a TokenAccount (every instance of the account) or a TokenInstance "
                    + "(issued by POST /api/instance/new; valid only for its instance).",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same tokens, sent as `Authorization: Bearer <token>`.",
            });
            options.CustomOperationIds(api => api.ActionDescriptor.AttributeRouteInfo?.Name);
            // `string` is never null in an answer, `string?` may be; a nullable object is allOf + nullable in OpenAPI 3.0.
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<ResponseSchemaFilter>();
            options.SchemaFilter<ErrorEnvelopeSchemaFilter>();
            options.OperationFilter<RequestBodyOperationFilter>();
            options.OperationFilter<IdempotencyKeyOperationFilter>();
            options.OperationFilter<DeliveryQueryOperationFilter>();
            options.OperationFilter<CommonResponsesOperationFilter>();
            options.OperationFilter<ResponseHeadersOperationFilter>();
            options.OperationFilter<ExamplesOperationFilter>();
            options.DocumentFilter<NullableReferenceDocumentFilter>();
            options.DocumentFilter<TidyTextDocumentFilter>();
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
