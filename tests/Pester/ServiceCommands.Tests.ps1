#Requires -Version 7.4
# Commands generated from the models at run time (Import-AwsService), against moto_server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'MotoServer.ps1')
    Import-AwsCoreUnderTest
    $script:SavedEnvironment = Set-TestAwsEnvironment
    $script:Moto = Start-MotoServer
    $script:Endpoint = $script:Moto.Endpoint
    Import-AwsService s3, dynamodb
}

AfterAll {
    Remove-Module AwsCore.S3, AwsCore.DynamoDB -ErrorAction SilentlyContinue
    Stop-MotoServer $script:Moto
    Restore-TestAwsEnvironment $script:SavedEnvironment
}

Describe 'Import-AwsService' {
    It 'imports one module per service with every operation as a command' {
        $module = Get-Module AwsCore.S3
        $module | Should -Not -BeNullOrEmpty
        $names = (Get-Command -Module AwsCore.S3).Name
        $names | Should -Contain 'Get-AwsS3Bucket'
        $names | Should -Contain 'New-AwsS3Bucket'
        $names | Should -Contain 'Remove-AwsS3Bucket'
        $names | Should -Contain 'Get-AwsS3Object'
        $names.Count | Should -BeGreaterThan 90
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        (Get-Command -Module AwsCore.S3, AwsCore.DynamoDB).Verb | Where-Object { $_ -notin $approved } | Should -BeNullOrEmpty
    }

    It 'types parameters from the shapes and marks required ones mandatory' {
        $command = Get-Command Remove-AwsS3Bucket
        $bucket = $command.Parameters['Bucket']
        $bucket.ParameterType | Should -Be ([string])
        $bucket.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Contain $true
        $bucket.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
        foreach ($name in 'Region', 'ProfileName', 'EndpointUrl', 'Credential', 'Query', 'WhatIf', 'Confirm') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.Parameters.Keys | Should -Not -Contain 'MaxItems'
        (Get-Command Get-AwsS3Object).Parameters.Keys | Should -Contain 'MaxItems'
    }

    It 'validates enum values' {
        { New-AwsS3Bucket -Bucket 'awscore-acl-test' -ACL 'not-an-acl' -EndpointUrl $script:Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,New-AwsS3Bucket'
    }

    It 'says nothing new on a second import and re-imports with -Force' {
        (Import-AwsService s3 -PassThru).Name | Should -Be 'AwsCore.S3'
        (Import-AwsService s3 -Force -PassThru).Name | Should -Be 'AwsCore.S3'
    }
}

Describe 'Generated S3 commands' {
    BeforeAll {
        $script:Bucket = 'awscore-gen-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    }

    It 'creates and lists a bucket' {
        New-AwsS3Bucket -Bucket $script:Bucket -EndpointUrl $script:Endpoint -Confirm:$false | Out-Null
        $bucket = Get-AwsS3Bucket -EndpointUrl $script:Endpoint | Where-Object Name -EQ $script:Bucket
        $bucket | Should -Not -BeNullOrEmpty
        $bucket.PSObject.TypeNames[0] | Should -Be 'AwsCore.S3.Bucket'
    }

    It 'does not delete with -WhatIf' {
        Remove-AwsS3Bucket -Bucket $script:Bucket -EndpointUrl $script:Endpoint -WhatIf
        (Get-AwsS3Bucket -EndpointUrl $script:Endpoint).Name | Should -Contain $script:Bucket
    }

    It 'binds identifiers from piped objects' {
        1..4 | ForEach-Object { Write-AwsS3Object -Bucket $script:Bucket -Key "k$_" -Body 'x' -EndpointUrl $script:Endpoint -Confirm:$false } | Out-Null
        $keys = Get-AwsS3Bucket -EndpointUrl $script:Endpoint | Where-Object Name -EQ $script:Bucket |
            ForEach-Object { [pscustomobject]@{ Bucket = $_.Name } } |
            Get-AwsS3Object -EndpointUrl $script:Endpoint | ForEach-Object Key
        $keys | Should -Be @('k1', 'k2', 'k3', 'k4')
    }

    It 'streams pages and stops early' {
        @(Get-AwsS3Object -Bucket $script:Bucket -PageSize 1 -EndpointUrl $script:Endpoint | Select-Object -First 2).Count | Should -Be 2
        @(Get-AwsS3Object -Bucket $script:Bucket -MaxItems 3 -EndpointUrl $script:Endpoint).Count | Should -Be 3
    }

    It 'writes errors with the AWS error code as id' {
        Get-AwsS3Object -Bucket 'awscore-no-such-bucket' -EndpointUrl $script:Endpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'NoSuchBucket,*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'deletes with -Confirm:$false' {
        Get-AwsS3Object -Bucket $script:Bucket -EndpointUrl $script:Endpoint |
            ForEach-Object { Remove-AwsS3Object -Bucket $script:Bucket -Key $_.Key -EndpointUrl $script:Endpoint -Confirm:$false } | Out-Null
        Remove-AwsS3Bucket -Bucket $script:Bucket -EndpointUrl $script:Endpoint -Confirm:$false
        (Get-AwsS3Bucket -EndpointUrl $script:Endpoint).Name | Should -Not -Contain $script:Bucket
    }
}

Describe 'Per-service manifests for autoloading' {
    It 'lists the commands of a bundled service without importing it' {
        $root = Split-Path (Split-Path (Get-Module AwsCore).Path)
        $manifest = Join-Path $root 'AwsCore.S3/AwsCore.S3.psd1'
        if (-not (Test-Path $manifest)) {
            Set-ItResult -Skipped -Because "the build did not write the service manifests beside the module ($manifest); run tools/ServiceModules after laying out out/AwsCore"
            return
        }
        $data = Import-PowerShellDataFile $manifest
        $data.RequiredModules | Should -Contain 'AwsCore'
        $data.FunctionsToExport | Should -Contain 'Get-AwsS3Bucket'
        $data.FunctionsToExport.Count | Should -Be @(Get-Command -Module AwsCore.S3).Count
    }
}
