#Requires -Version 7.4
# The module loads and exposes its binary cmdlets; the service catalogue and configuration report work offline.

BeforeAll {
    . (Join-Path $PSScriptRoot 'MotoServer.ps1')
    Import-AwsCoreUnderTest
    $script:SavedEnvironment = Set-TestAwsEnvironment
}

AfterAll {
    Restore-TestAwsEnvironment $script:SavedEnvironment
}

Describe 'AwsCore module' {
    It 'exports its binary cmdlets' {
        $names = (Get-Command -Module AwsCore -CommandType Cmdlet).Name
        foreach ($name in 'Invoke-AwsOperation', 'Import-AwsService', 'Get-AwsService', 'Get-AwsConfiguration', 'Get-AwsPresignedUrl') {
            $names | Should -Contain $name
        }
    }

    It 'keeps the generated commands'' core hidden' {
        (Get-Command -Module AwsCore).Name | Should -Not -Contain 'Invoke-AwsCommandCore'
    }

    It 'has the common parameters on Invoke-AwsOperation' {
        $parameters = (Get-Command Invoke-AwsOperation).Parameters
        foreach ($name in 'Service', 'Operation', 'Parameter', 'Region', 'ProfileName', 'EndpointUrl', 'Credential', 'Query', 'MaxItems', 'PageSize', 'StartingToken', 'NoPaginate') {
            $parameters.Keys | Should -Contain $name
        }
        $parameters['NoPaginate'].SwitchParameter | Should -BeTrue
    }

    It 'completes service and operation names' {
        $typed = 'Invoke-AwsOperation -Service dynam'
        $services = TabExpansion2 -inputScript $typed -cursorColumn $typed.Length
        $services.CompletionMatches.CompletionText | Should -Contain 'dynamodb'
        $line = 'Invoke-AwsOperation -Service s3 -Operation ListBu'
        $operations = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $operations.CompletionMatches.CompletionText | Should -Contain 'ListBuckets'
    }
}

Describe 'Get-AwsService' {
    It 'describes a bundled service' {
        $s3 = Get-AwsService -Name s3
        $s3.ServiceName | Should -Be 's3'
        $s3.ServiceId | Should -Be 'S3'
        $s3.Protocol | Should -Be 'rest-xml'
        $s3.ModuleName | Should -Be 'AwsCore.S3'
        $s3.OperationCount | Should -BeGreaterThan 90
        $s3.PSObject.TypeNames[0] | Should -Be 'AwsCore.ServiceInfo'
    }

    It 'matches wildcards' {
        (Get-AwsService -Name 'dynamodb*').ServiceName | Should -Contain 'dynamodbstreams'
    }

    It 'reports an unknown service as an error naming it' {
        Get-AwsService -Name 'no-such-service' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'AwsCore.Model,*'
        $err[0].Exception.Message | Should -BeLike "*unknown service 'no-such-service'*"
    }
}

Describe 'Get-AwsConfiguration' {
    It 'says where region and credentials come from without showing secrets' {
        $entries = Get-AwsConfiguration -Service s3
        $region = $entries | Where-Object Setting -EQ 'Region'
        $region.Value | Should -Be 'us-east-1'
        $region.Source | Should -Be 'environment variable AWS_DEFAULT_REGION'
        $credentials = $entries | Where-Object Setting -EQ 'Credentials'
        $credentials.Source | Should -BeLike 'environment variables AWS_ACCESS_KEY_ID*'
        ($entries | Out-String) | Should -Not -Match 'testing'
    }

    It 'names explicit parameters as the source' {
        (Get-AwsConfiguration -Region eu-west-3 | Where-Object Setting -EQ 'Region').Source | Should -Be '-Region'
    }
}
