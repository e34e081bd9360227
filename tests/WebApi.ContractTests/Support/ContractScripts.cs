namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>The TypeScript side of tools/contract: types generated from the committed document, the typed
/// client and the Swagger UI driver, checked and built with tsc, run with node.</summary>
public static class ContractScripts
{
    public static Task<Tool.Result> GenerateTypesAsync() => Tool.NpxAsync(
        // Without --default-non-nullable false, request fields that have a default would be required.
        ["openapi-typescript", Repository.OpenApiDocument, "-o", "generated/ryzeapi.ts", "--default-non-nullable", "false"]);

    public static Task<Tool.Result> TypeCheckAsync() => Tool.NpxAsync(["tsc", "--noEmit", "-p", "."]);

    /// <summary>Generates the types and compiles the scripts to tools/contract/dist; fails the test if either fails.</summary>
    public static async Task BuildAsync()
    {
        var types = await GenerateTypesAsync();
        Assert.That(types.ExitCode, Is.Zero, types.ToString());
        var build = await Tool.NpxAsync(["tsc", "-p", ".", "--noEmit", "false"]);
        Assert.That(build.ExitCode, Is.Zero, build.ToString());
    }

    public static Task<Tool.Result> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Tool.RunAsync("node", [Path.Combine("dist", script), .. arguments], Repository.ContractTools, environment);
}
