namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>Files of the repository the tests check, found from the test assembly's folder upwards.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The committed OpenAPI document, the contract SDK generators and CI pipelines read.</summary>
    public static string OpenApiDocument => Path.Combine(Root, "docs", "openapi", "v1.json");

    /// <summary>The npm tools of the contract checks (Spectral, openapi-typescript, tsc, playwright-core).</summary>
    public static string ContractTools => Path.Combine(Root, "tools", "contract");

    /// <summary>Where a test may write files worth keeping (scripts/test keeps artifacts/test-results).</summary>
    public static string TestOutput(string name)
    {
        var folder = Path.Combine(Root, "artifacts", "test-results", "WebApi.ContractTests", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RyzeApi.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RyzeApi.sln not found above {AppContext.BaseDirectory}");
    }
}
