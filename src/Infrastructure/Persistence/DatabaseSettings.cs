namespace RyzeApi.Infrastructure.Persistence;

/// <summary>The PostgreSQL connection string (<c>ConnectionStrings__Postgres</c>).</summary>
public sealed record DatabaseSettings(string ConnectionString);
