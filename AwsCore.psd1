@{
    RootModule           = 'AwsCore.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '056b3a8f-cef5-484c-8cd0-7c7729eae465'
    Author               = 'AwsCore contributors'
    CompanyName          = 'AwsCore contributors'
    Copyright            = '(c) AwsCore contributors'
    Description          = 'Call any AWS service from PowerShell: botocore re-implemented in C#, driven by the AWS service models bundled in models/ (or any botocore data directory on AWS_DATA_PATH).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    CmdletsToExport      = @(
        'Invoke-AwsOperation'
        'Import-AwsService'
        'Get-AwsService'
        'Get-AwsPresignedUrl'
        'Get-AwsConfiguration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    FormatsToProcess     = @()
    TypesToProcess       = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('AWS', 'botocore', 'cloud', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
        }
    }
}
